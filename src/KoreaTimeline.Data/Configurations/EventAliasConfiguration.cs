using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KoreaTimeline.Data.Configurations;

internal sealed class EventAliasConfiguration : IEntityTypeConfiguration<EventAlias>
{
    public void Configure(EntityTypeBuilder<EventAlias> builder)
    {
        builder.ToTable("EventAliases");
        builder.HasKey(a => a.OldId);
        builder.Property(a => a.OldId).ValueGeneratedNever();
        builder.HasIndex(a => a.EventId);
    }
}
