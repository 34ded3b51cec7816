using PhoneCrm.Core.Sftp;
using Renci.SshNet.Common;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>Trusts a server only if the key it shows in the key exchange has the pinned key's SHA256 fingerprint,
/// and keeps the key it showed, so a refusal can say which key that was.</summary>
internal sealed class PinnedHostKeyCheck(HostKey pinned)
{
    /// <summary>What the server showed; null until the key exchange got that far.</summary>
    public HostKey? Presented { get; private set; }

    public bool Refused { get; private set; }

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        Presented = e.Certificate is null ? TryRead(e.HostKey) : null;
        // SSH.NET gives the fingerprint as unpadded base64, ssh-keygen's form without its "SHA256:" label.
        e.CanTrust = e.Certificate is null && "SHA256:" + e.FingerPrintSHA256 == pinned.Fingerprint;
        Refused = !e.CanTrust;
    }

    private static HostKey? TryRead(byte[] blob)
    {
        try
        {
            return HostKey.FromBlob(blob);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
