using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoneCrm.Core.Reference;

namespace PhoneCrm.Data.Configurations;

public sealed class ReferenceConfiguration : IEntityTypeConfiguration<Supplier>, IEntityTypeConfiguration<Geo>
{
    public void Configure(EntityTypeBuilder<Supplier> builder) => builder.ToTable("suppliers");
    public void Configure(EntityTypeBuilder<Geo> builder) => builder.ToTable("geos");
}
