using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// The raw SQL of search, one implementation per provider: which events an expression matches, their relevance, and
/// their matched words marked with <see cref="SearchSyntax.MarkStart"/> and <see cref="SearchSyntax.MarkEnd"/>. Both read
/// the same cleaned terms (<see cref="SearchSyntax.Terms"/>): words and phrases all match, <c>word*</c> is a prefix.
/// </summary>
internal abstract class SearchSql
{
    /// <summary>The search of <paramref name="provider"/>.</summary>
    public static SearchSql For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? new PostgresSearchSql() : new SqliteSearchSql();

    /// <summary>The expression for the user's input (also the key of cached results), or null when it has no searchable word.</summary>
    public abstract string? Expression(string? input);

    /// <summary>The ids of the events the expression matches (no rank: it costs as much as the match itself).</summary>
    public abstract IQueryable<int> MatchingIds(TimelineDbContext db, string expression);

    /// <summary>The rank of each of <paramref name="ids"/> (ascending) that the expression matches; lower is better.</summary>
    public abstract Task<List<SearchMatch>> RankAsync(TimelineDbContext db, string expression, int[] ids, CancellationToken cancellationToken);

    /// <summary>The title with every match marked, and a snippet of quotes, actors and place around the first match.</summary>
    public abstract Task<List<SearchMark>> MarkAsync(TimelineDbContext db, string expression, List<int> ids, CancellationToken cancellationToken);

    protected static string JsonIds(IEnumerable<int> ids) => "[" + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
}

/// <summary>A marked title and snippet of one event (see <see cref="SearchSql.MarkAsync"/>).</summary>
internal sealed record SearchMark(int EventId, string Title, string Snippet);

/// <summary>FTS5 on the <c>EventSearch</c> virtual table (rowid = event id), ranked by bm25.</summary>
internal sealed class SqliteSearchSql : SearchSql
{
    // Column weights of bm25(): title, quotes, actors, place.
    private const string Bm25 = "bm25(EventSearch, 10.0, 2.0, 4.0, 3.0)";

    public override string? Expression(string? input) => SearchSyntax.ToMatchExpression(input);

    public override IQueryable<int> MatchingIds(TimelineDbContext db, string expression) =>
        db.Set<SearchMatch>().FromSqlRaw("SELECT rowid AS EventId, 0.0 AS Rank FROM EventSearch WHERE EventSearch MATCH {0}", expression).Select(m => m.EventId);

    // rowid >= is a range FTS5 reads alone; "+rowid IN" is tested on each match it yields (a plain IN would run the
    // whole MATCH, statistics included, once per listed id).
    public override Task<List<SearchMatch>> RankAsync(TimelineDbContext db, string expression, int[] ids, CancellationToken cancellationToken) =>
        db.Set<SearchMatch>()
            .FromSqlRaw($"SELECT rowid AS EventId, {Bm25} AS Rank FROM EventSearch WHERE EventSearch MATCH {{0}} AND rowid >= {{1}} AND +rowid IN (SELECT value FROM json_each({{2}}))",
                expression, ids[0], JsonIds(ids))
            .ToListAsync(cancellationToken);

    public override Task<List<SearchMark>> MarkAsync(TimelineDbContext db, string expression, List<int> ids, CancellationToken cancellationToken)
    {
        var idList = JsonIds(ids);
        return db.Database.SqlQuery<SearchMark>(
                $"SELECT rowid AS EventId, highlight(EventSearch, 0, char(2), char(3)) AS Title, snippet(EventSearch, -1, char(2), char(3), '…', 16) AS Snippet FROM EventSearch WHERE EventSearch MATCH {expression} AND rowid IN (SELECT value FROM json_each({idList}))")
            .ToListAsync(cancellationToken);
    }
}

/// <summary>
/// PostgreSQL full-text search on the generated tsvector <c>EventSearch.Document</c> (GIN index), through the
/// <c>timeline_search_query</c> function of the EventSearch migration; ranked by ts_rank, marked by ts_headline.
/// </summary>
internal sealed class PostgresSearchSql : SearchSql
{
    // ts_rank's weights of D (quotes), C (place), B (actors), A (title): the proportions of the SQLite bm25 weights.
    private const string Weights = "ARRAY[0.2, 0.3, 0.4, 1.0]::float4[]";
    private const char PartSeparator = '\u001f';
    private const char PrefixSeparator = '\u001e';
    private static readonly string TitleOptions = $"HighlightAll=true, StartSel={SearchSyntax.MarkStart}, StopSel={SearchSyntax.MarkEnd}";
    private static readonly string SnippetOptions =
        $"StartSel={SearchSyntax.MarkStart}, StopSel={SearchSyntax.MarkEnd}, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=\" … \"";

    /// <summary>
    /// The phrases as <c>websearch_to_tsquery</c> input (each quoted: no operator is read), then the prefix phrases
    /// (letters and digits only, the last word of each a prefix), the two parts split by control characters that cleaned
    /// input never holds.
    /// </summary>
    public override string? Expression(string? input)
    {
        var terms = SearchSyntax.Terms(input);
        if (terms.Count == 0)
        {
            return null;
        }
        var phrases = string.Join(' ', terms.Where(t => !t.Prefix).Select(t => "\"" + t.Text + "\""));
        var prefixes = terms.Where(t => t.Prefix).Select(t => new string(t.Text.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Trim());
        return phrases + PartSeparator + string.Join(PrefixSeparator, prefixes);
    }

    private static (string Phrases, string[] Prefixes) Parts(string expression)
    {
        var split = expression.IndexOf(PartSeparator, StringComparison.Ordinal);
        var prefixes = expression[(split + 1)..];
        return (expression[..split], prefixes.Length == 0 ? [] : prefixes.Split(PrefixSeparator));
    }

    public override IQueryable<int> MatchingIds(TimelineDbContext db, string expression)
    {
        var (phrases, prefixes) = Parts(expression);
        return db.Set<SearchMatch>()
            .FromSqlRaw("""SELECT "EventId", 0.0::float8 AS "Rank" FROM "EventSearch" WHERE "Document" @@ timeline_search_query({0}, {1})""", phrases, prefixes)
            .Select(m => m.EventId);
    }

    public override Task<List<SearchMatch>> RankAsync(TimelineDbContext db, string expression, int[] ids, CancellationToken cancellationToken)
    {
        var (phrases, prefixes) = Parts(expression);
        return db.Set<SearchMatch>()
            .FromSqlRaw($$"""
                SELECT s."EventId", -ts_rank({{Weights}}, s."Document", q)::float8 AS "Rank"
                FROM "EventSearch" s, timeline_search_query({0}, {1}) q
                WHERE s."EventId" = ANY ({2}) AND s."Document" @@ q
                """, phrases, prefixes, ids)
            .ToListAsync(cancellationToken);
    }

    public override Task<List<SearchMark>> MarkAsync(TimelineDbContext db, string expression, List<int> ids, CancellationToken cancellationToken)
    {
        var (phrases, prefixes) = Parts(expression);
        var idArray = ids.ToArray();
        return db.Database.SqlQuery<SearchMark>($"""
                SELECT s."EventId",
                    ts_headline('timeline_search', s."Title", q, {TitleOptions}) AS "Title",
                    ts_headline('timeline_search', concat_ws(' … ', NULLIF(s."Quotes", ''), NULLIF(s."Actors", ''), NULLIF(s."Place", '')), q, {SnippetOptions}) AS "Snippet"
                FROM "EventSearch" s, timeline_search_query({phrases}, {prefixes}) q
                WHERE s."EventId" = ANY ({idArray}) AND s."Document" @@ q
                """)
            .ToListAsync(cancellationToken);
    }
}
