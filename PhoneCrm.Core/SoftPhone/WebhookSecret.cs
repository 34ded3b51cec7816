namespace PhoneCrm.Core.SoftPhone;

/// <summary>A shared secret for the webhook signature. Only its encrypted form is stored, and it is shown once, when made.</summary>
public sealed class WebhookSecret
{
    /// <summary>Two at once: the one in use and its successor, while the sender switches over.</summary>
    public const int MaxActive = 2;

    /// <summary>The Data Protection purpose the secrets are encrypted under.</summary>
    public const string ProtectionPurpose = "PhoneCrm.SoftPhone.WebhookSecret";

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
