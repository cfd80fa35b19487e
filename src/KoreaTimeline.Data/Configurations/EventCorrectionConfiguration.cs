using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KoreaTimeline.Data.Configurations;

internal sealed class EventCorrectionConfiguration : IEntityTypeConfiguration<EventCorrection>
{
    public void Configure(EntityTypeBuilder<EventCorrection> builder)
    {
        builder.ToTable("EventCorrections");
        builder.HasIndex(c => new { c.EventId, c.Field }).IsUnique();
        builder.Property(c => c.Field).HasMaxLength(32);
        builder.Property(c => c.UserId).HasMaxLength(450);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasIndex(a => new { a.EventId, a.Id });
        builder.Property(a => a.Field).HasMaxLength(32);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
    }
}

internal sealed class CorrectionSuggestionConfiguration : IEntityTypeConfiguration<CorrectionSuggestion>
{
    public void Configure(EntityTypeBuilder<CorrectionSuggestion> builder)
    {
        builder.ToTable("CorrectionSuggestions");
        // The review queue reads the open ones, oldest first; an event's open suggestions are counted on submit.
        builder.HasIndex(s => new { s.Status, s.Id });
        builder.HasIndex(s => new { s.EventId, s.Status });
        builder.Property(s => s.Text).HasMaxLength(2000);
        builder.Property(s => s.SourceUrl).HasMaxLength(500);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.ReviewedBy).HasMaxLength(450);
        builder.Property(s => s.Reason).HasMaxLength(2000);
    }
}
