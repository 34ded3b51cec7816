namespace PhoneCrm.Core.Common;

/// <summary>
/// A broken business rule. The message is written for the person using the app and is shown as is; when it came
/// from a resource, <see cref="Localized"/> says which, so it can be shown again in another language.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(LocalizedMessage message)
        : base(message.Text) => Localized = message;

    public LocalizedMessage? Localized { get; }
}
