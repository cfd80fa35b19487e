using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// A row of the FTS5 table <c>EventSearch</c> (rowid = event id) that matched a search, with its bm25 rank
/// (negative: lower is better). Only read through <c>FromSql</c>; the table and its triggers come from the
/// <c>EventSearch</c> migration.
/// </summary>
public sealed class SearchMatch
{
    public int EventId { get; set; }
    public double Rank { get; set; }
}

internal sealed class SearchMatchConfiguration : IEntityTypeConfiguration<SearchMatch>
{
    public void Configure(EntityTypeBuilder<SearchMatch> builder) => builder.HasNoKey().ToView(null);
}
