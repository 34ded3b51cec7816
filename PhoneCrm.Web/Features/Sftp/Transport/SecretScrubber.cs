namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>Removes a credential's secrets from text bound for the pull log or an exception. SSH.NET does not put
/// passwords or keys in its messages, but a server's error text could echo one, and one leak in a log is one too many.</summary>
internal static class SecretScrubber
{
    private const string Mask = "***";

    public static string Scrub(string text, SftpCredential credential)
    {
        if (text.Length == 0)
            return text;
        foreach (var secret in credential.Secrets)
        {
            if (secret.Length > 0)
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        if (credential is SftpCredential.PrivateKey key)
        {
            // Any single line of the key (as it might show in an error) except the short BEGIN/END markers.
            foreach (var line in key.Pem.ReplaceLineEndings("\n").Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length >= 16 && !trimmed.StartsWith("-----", StringComparison.Ordinal))
                    text = text.Replace(trimmed, Mask, StringComparison.Ordinal);
            }
        }
        return text;
    }
}
