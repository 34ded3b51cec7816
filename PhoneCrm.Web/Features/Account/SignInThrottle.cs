using System.Threading.RateLimiting;

namespace PhoneCrm.Web.Features.Account;

/// <summary>
/// Slows password guessing without handing strangers a way to lock people out. Only failures count, in sliding
/// windows (System.Threading.RateLimiting, the limiter ASP.NET Core's rate limiting is built on):
/// <list type="bullet">
/// <item>per address: <see cref="AddressFailures"/> failed sign-ins in <see cref="AddressWindow"/>, whatever the names tried;</item>
/// <item>per account and address: <see cref="AccountFailures"/> in <see cref="AccountWindow"/>. A guesser is stopped for
/// that account from that address only: its owner signs in from their own machine as usual.</item>
/// </list>
/// Identity's account lockout stays as the backstop against guessing from many addresses at once, set high enough
/// (<see cref="AccountLockoutFailures"/>) that one address cannot reach it. Counts are kept per instance.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int AddressFailures = 20;
    public const int AccountFailures = 5;
    public const int AccountLockoutFailures = 30;
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _byAddress = Failures(AddressFailures, AddressWindow);
    private readonly PartitionedRateLimiter<string> _byAccount = Failures(AccountFailures, AccountWindow);

    /// <summary>Whether one more try may be checked; a refused one is not even looked up, so it costs nothing.</summary>
    public bool Allows(string address, string userName) =>
        HasRoom(_byAddress, address) && HasRoom(_byAccount, AccountKey(address, userName));

    public void Failed(string address, string userName)
    {
        _byAddress.AttemptAcquire(address).Dispose();
        _byAccount.AttemptAcquire(AccountKey(address, userName)).Dispose();
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byAccount.Dispose();
    }

    private static bool HasRoom(PartitionedRateLimiter<string> limiter, string key) =>
        limiter.GetStatistics(key) is not { CurrentAvailablePermits: <= 0 };

    private static string AccountKey(string address, string userName) => address + "\n" + userName.Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> Failures(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
