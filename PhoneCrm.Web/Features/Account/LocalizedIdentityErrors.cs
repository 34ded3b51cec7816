using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Account;

/// <summary>
/// Identity's messages (password rules, taken names) in the user's language: the stock ones are English only. Every
/// error our options and pages can produce is overridden here; any other keeps Identity's English text.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<Strings> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Identity.DefaultError"]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Identity.ConcurrencyFailure"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["Identity.PasswordMismatch"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["Identity.InvalidToken"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Identity.InvalidUserName", userName ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Identity.DuplicateUserName", userName]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Identity.PasswordTooShort", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), l["Identity.PasswordRequiresUniqueChars", uniqueChars]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), l["Identity.UserAlreadyInRole", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), l["Identity.UserNotInRole", role]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
