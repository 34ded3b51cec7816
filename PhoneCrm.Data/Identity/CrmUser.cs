using Microsoft.AspNetCore.Identity;

namespace PhoneCrm.Data.Identity;

public sealed class CrmUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in; their audit history stays.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The user chose not to see live call toasts.</summary>
    public bool CallToastsMuted { get; set; }

    /// <summary>The password was generated (and printed), not chosen: the user sets their own before anything else.</summary>
    public bool MustChangePassword { get; set; }
}
