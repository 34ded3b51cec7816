using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Common;
using PhoneCrm.Web.Resources;
using Radzen;

namespace PhoneCrm.Web.Features.Shared;

public static class NotifierExtensions
{
    /// <summary>
    /// Runs a user action: a broken rule is shown as a notification; anything else propagates to the
    /// error boundary and the log.
    /// </summary>
    public static async Task<bool> TryAsync(this NotificationService notifications, IStringLocalizer<Strings> l, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            notifications.Notify(new NotificationMessage
            {
                Severity = NotificationSeverity.Error,
                Summary = l["Common.CannotDoThat"],
                Detail = e.Message,
                Duration = 8000,
            });
            return false;
        }
    }

    public static void Success(this NotificationService notifications, string summary) =>
        notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Success, Summary = summary, Duration = 4000 });
}
