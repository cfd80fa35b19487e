using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KoreaTimeline.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        // Types and precisions are stored by their contract ids, so the database reads like the API.
        builder.Property(e => e.Type)
            .HasConversion(t => t.Id(), id => ParseType(id))
            .HasMaxLength(32);
        builder.Property(e => e.Precision)
            .HasConversion(p => p.Id(), id => ParsePrecision(id))
            .HasMaxLength(16);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Slug).HasMaxLength(120);

        // The timeline sorts by date and filters by type: (Start, Id) is the keyset.
        builder.HasIndex(e => new { e.Start, e.Id });
        // Type filters and counts by type under a date range read this index alone (no table lookups).
        builder.HasIndex(e => new { e.Type, e.End, e.Start });
        // Date-range filters keep events whose interval overlaps the range: (End, Start) covers both bounds.
        builder.HasIndex(e => new { e.End, e.Start });

        builder.HasMany(e => e.Evidence).WithOne(v => v.Event).HasForeignKey(v => v.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Actors).WithOne(a => a.Event).HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
    }

    private static EventType ParseType(string id) => EventTypes.TryParse(id, out var t) ? t : EventType.Other;

    private static DatePrecision ParsePrecision(string id) =>
        DatePrecisions.TryParse(id, out var p) ? p : DatePrecision.Approximate;
}
