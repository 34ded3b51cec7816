using PhoneCrm.Core.Sftp;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Core.Sftp;

public sealed class HostKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("phonecrm-hostkey-").FullName;

    [Theory]
    [InlineData("ed25519", "ssh-ed25519")]
    [InlineData("ecdsa", "ecdsa-sha2-nistp256")]
    [InlineData("rsa", "ssh-rsa")]
    public void Fingerprint_matches_ssh_keygen(string keygenType, string expectedType)
    {
        var file = Path.Combine(_folder, keygenType);
        ShellCommand.Run("ssh-keygen", ["-q", "-t", keygenType, "-N", "", "-C", "a comment", "-f", file]);
        // "256 SHA256:abc... a comment (ED25519)"
        var expected = ShellCommand.Run("ssh-keygen", ["-l", "-E", "sha256", "-f", file + ".pub"]).Split(' ')[1];

        var key = HostKey.Parse(File.ReadAllText(file + ".pub"));

        Assert.Equal(expectedType, key.Type);
        Assert.StartsWith("SHA256:", expected);
        Assert.Equal(expected, key.Fingerprint);
    }

    [Theory]
    [InlineData("[127.0.0.1]:2222 {0}")]
    [InlineData("sftp.example.com,10.0.0.1 {0} root@supplier")]
    [InlineData("  {0}  \r\n")]
    public void Parse_reads_known_hosts_and_keyscan_lines(string template)
    {
        const string pub = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFiuq1lf1b//475q/YUn65q8IY5kI4lS2kYvfCGCj4KW";

        var key = HostKey.Parse(string.Format(template, pub));

        Assert.Equal(pub, key.ToString());
        Assert.Equal(key, HostKey.Parse(key.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----")]
    // The blob says ssh-ed25519, the text claims ssh-rsa.
    [InlineData("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIFiuq1lf1b//475q/YUn65q8IY5kI4lS2kYvfCGCj4KW")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFiuq1lf1b//475q/YUn65q8IY5k")]
    [InlineData("ssh-ed25519 not-base64!")]
    public void Parse_refuses_what_is_not_a_public_key(string text)
    {
        var error = Assert.Throws<FormatException>(() => HostKey.Parse(text));

        Assert.Contains("Not an SSH public key", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
