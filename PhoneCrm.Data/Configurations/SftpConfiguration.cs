using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoneCrm.Core.Sftp;

namespace PhoneCrm.Data.Configurations;

public sealed class SftpConfiguration : IEntityTypeConfiguration<SftpHost>
{
    public void Configure(EntityTypeBuilder<SftpHost> builder)
    {
        builder.ToTable("sftp_hosts");
        builder.Property(h => h.AuthKind).HasConversion(
            kind => kind == SftpAuthKind.PrivateKey ? "private_key" : "password",
            text => text == "private_key" ? SftpAuthKind.PrivateKey : SftpAuthKind.Password);
        builder.Property(h => h.AfterImport).HasConversion(
            after => after == SftpAfterImport.Delete ? "delete" : "move",
            text => text == "delete" ? SftpAfterImport.Delete : SftpAfterImport.Move);
        builder.Ignore(h => h.CanPull);
    }
}
