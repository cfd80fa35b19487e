using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Editing;

public sealed partial class EventEditor
{
    /// <summary>
    /// Splits the chosen quotes of event <paramref name="sourceId"/> off into a new event with its own permalink. The new
    /// event starts with the source's type, date, place and actors (and <paramref name="headline"/>, else the source's
    /// headline); the editor corrects it like any other. A <see cref="CorrectionFields.Split"/> correction on the new
    /// event keeps the chosen quotes, so a re-import that states them inside another event moves them out again.
    /// </summary>
    public async Task<EditResult> SplitAsync(int sourceId, IReadOnlyCollection<QuoteKey> quotes, string? headline, EditorIdentity editor,
        string? note = null, CancellationToken cancellationToken = default)
    {
        if (quotes.Count == 0)
        {
            return EditResult.Invalid("Choose the quotes that state the other event.");
        }
        var title = Clean(headline);
        if (title?.Length > MaxHeadline)
        {
            return EditResult.Invalid($"The headline is longer than {MaxHeadline} characters.");
        }
        if (title is not null && !title.Any(char.IsLetterOrDigit))
        {
            return EditResult.Invalid("The headline needs letters or digits.");
        }
        var cleanedNote = Clean(note);
        if (cleanedNote?.Length > MaxNote)
        {
            return EditResult.Invalid($"The note is longer than {MaxNote} characters.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        Event split;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var source = (await CorrectionReplay.LoadAsync(db, [sourceId], cancellationToken)).SingleOrDefault();
            if (source is null)
            {
                return EditResult.NotFound(sourceId);
            }
            var chosen = source.Evidence.Where(v => quotes.Contains(new QuoteKey(v.ArticleId, v.Start, v.End))).ToList();
            if (chosen.Count != quotes.Distinct().Count())
            {
                return EditResult.Invalid("A chosen quote is not a quote of this event; reload the page.");
            }
            if (chosen.Count == source.Evidence.Count)
            {
                return EditResult.Invalid("Leave at least one quote in this event: to change the whole event, correct its fields instead.");
            }
            var hashes = await CorrectionReplay.ArticleHashesAsync(db, [source], cancellationToken);
            var now = DateTimeOffset.UtcNow;
            split = new Event
            {
                Title = title ?? source.Title,
                Slug = Slugs.From(title ?? source.Title),
                Type = source.Type,
                Start = source.Start,
                End = source.End,
                Precision = source.Precision,
                Timex = source.Timex,
                DateText = source.DateText,
                Location = source.Location,
                Confidence = source.Confidence,
                Actors = source.Actors.Select(a => new EventActor { Actor = a.Actor }).ToList(),
            };
            foreach (var quote in chosen)
            {
                source.Evidence.Remove(quote);
                quote.Event = split;
                split.Evidence.Add(quote);
            }
            db.Events.Add(split);
            await db.SaveChangesAsync(cancellationToken);

            var anchors = CorrectionReplay.AnchorsOf(split, hashes);
            var value = new SplitValue(sourceId, anchors, split.Title, split.Type.Id(), split.Start, split.End, split.Precision.Id(),
                split.Timex, split.DateText, split.Location, split.Confidence,
                split.Actors.Select(a => new ActorRef(a.Actor.Slug, a.Actor.Name, a.Actor.Kind)).ToList());
            db.EventCorrections.Add(new EventCorrection
            {
                EventId = split.Id, Field = CorrectionFields.Split, Value = Serialize(value), Anchors = CorrectionReplay.SerializeAnchors(anchors),
                UserId = editor.UserId, CreatedAt = now, UpdatedAt = now,
            });
            // The source's own corrections follow the quotes it keeps; a merge no longer pulls the chosen quotes back in.
            var kept = CorrectionReplay.SerializeAnchors(CorrectionReplay.AnchorsOf(source, hashes));
            foreach (var own in await db.EventCorrections.Where(c => c.EventId == sourceId && c.Field != CorrectionFields.Hidden).ToListAsync(cancellationToken))
            {
                own.Anchors = kept;
                if (own.Field == CorrectionFields.Merge && Parse<MergeValue>(own.Value) is { } merge)
                {
                    own.Value = Serialize(new MergeValue(merge.Quotes.Where(q => !chosen.Any(v => q.Matches(v.ArticleId, hashes.GetValueOrDefault(v.ArticleId, ""), v.Start, v.End, v.Text))).ToList()));
                }
            }
            var moved = chosen.Count == 1 ? "1 quote" : $"{chosen.Count} quotes";
            db.AuditEntries.Add(Audit(sourceId, editor, CorrectionFields.Split, $"{source.Evidence.Count + chosen.Count} quotes", $"{moved} split off into event {split.Id}: {split.Title}", cleanedNote, now));
            db.AuditEntries.Add(Audit(split.Id, editor, CorrectionFields.Split, $"{moved} of event {sourceId}: {source.Title}", $"event {split.Id}: {split.Title}", cleanedNote, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        logger.LogInformation("{Editor} split {Count} quotes of event {SourceId} off into event {SplitId}", editor.Name, quotes.Count, sourceId, split.Id);
        changes.NotifyChanged();
        return new EditResult(EditStatus.Done, EventId: split.Id, Slug: split.Slug);
    }
}
