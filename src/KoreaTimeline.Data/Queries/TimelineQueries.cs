using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Queries;

/// <summary>Read-side queries of the timeline; each call uses its own short-lived context.</summary>
public sealed class TimelineQueries(IDbContextFactory<TimelineDbContext> contextFactory)
{
    /// <summary>Events newest first (by start date, then id).</summary>
    public async Task<IReadOnlyList<EventSummary>> ListEventsAsync(TimelineFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking()
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(filter.Take, 1, 1000))
            .Select(SummaryProjection)
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>One event with its evidence, or null when the id is unknown.</summary>
    public async Task<EventDetail?> GetEventAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Events.AsNoTracking().AsSplitQuery()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                Summary = new EventSummary(e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Precision, e.DateText, e.Location,
                    e.Actors.OrderBy(a => a.Actor.Name).Select(a => new ActorSummary(a.Actor.Slug, a.Actor.Name, a.Actor.Kind)).ToList()),
                e.Timex,
                e.Confidence,
                Evidence = e.Evidence.OrderBy(v => v.ArticleId).ThenBy(v => v.Start)
                    .Select(v => new EvidenceQuote(v.ArticleId, v.Article.Title, v.Article.Outlet, v.Article.Published, v.Start, v.End, v.Text))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new EventDetail(row.Summary, row.Timex, row.Confidence, row.Evidence);
    }

    /// <summary>One article with its highlighted evidence, or null when the id is unknown.</summary>
    public async Task<ArticleDetail?> GetArticleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }
        var highlights = await db.Evidence.AsNoTracking()
            .Where(v => v.ArticleId == id)
            .OrderBy(v => v.Start)
            .Select(v => new ArticleHighlight(v.Start, v.End, v.EventId, v.Event.Title, v.Event.Slug))
            .ToListAsync(cancellationToken);
        return new ArticleDetail(article.Id, article.Source, article.Title, article.Outlet, article.Url, article.Published,
            article.PublishedSource, article.Text, highlights);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Event, EventSummary>> SummaryProjection = e =>
        new EventSummary(e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Precision, e.DateText, e.Location,
            e.Actors.OrderBy(a => a.Actor.Name).Select(a => new ActorSummary(a.Actor.Slug, a.Actor.Name, a.Actor.Kind)).ToList());
}
