namespace PhoneCrm.Core.Sftp;

public enum SftpAuthKind
{
    Password,
    PrivateKey,
}
