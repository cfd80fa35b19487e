using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KoreaTimeline.Data.Configurations;

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasMaxLength(32);
    }
}

internal sealed class EventActorConfiguration : IEntityTypeConfiguration<EventActor>
{
    public void Configure(EntityTypeBuilder<EventActor> builder)
    {
        builder.HasKey(ea => new { ea.EventId, ea.ActorId });
        builder.HasIndex(ea => new { ea.ActorId, ea.EventId });
        builder.HasOne(ea => ea.Actor).WithMany(a => a.Events).HasForeignKey(ea => ea.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}
