using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoneCrm.Core.SoftPhone;

namespace PhoneCrm.Data.Configurations;

public sealed class SoftPhoneConfiguration : IEntityTypeConfiguration<WebhookSecret>, IEntityTypeConfiguration<CallResultStatus>
{
    public void Configure(EntityTypeBuilder<WebhookSecret> builder) => builder.ToTable("webhook_secrets");

    public void Configure(EntityTypeBuilder<CallResultStatus> builder)
    {
        builder.ToTable("call_result_statuses");
        builder.HasKey(r => r.Result);
    }
}
