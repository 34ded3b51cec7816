using PhoneCrm.Core.Audit;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Tests.Infrastructure;

public static class TestUsers
{
    public static CurrentUser Administrator { get; } =
        new("admin-id", "admin", IsAdministrator: true, new AuditActor("admin", "admin-id", "127.0.0.1", "tests"));

    public static CurrentUser Manager(string userId) =>
        new(userId, userId, IsAdministrator: false, new AuditActor(userId, userId, "127.0.0.1", "tests"));
}
