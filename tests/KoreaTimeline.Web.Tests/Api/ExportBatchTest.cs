using System.Globalization;
using System.Text.Json;
using CsvHelper;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Api;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Api;

/// <summary>450 invented events, exports capped at 430: several batches, and a cut inside one.</summary>
public sealed class ManyEventsAppFactory : TimelineAppFactory
{
    public const int Count = 450;

    public const int Limit = 430;

    protected override bool SeedSample => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Timeline:RateLimit:PermitPerMinute", "0");
        builder.UseSetting("Timeline:ExportLimit", Limit.ToString(CultureInfo.InvariantCulture));
    }

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var actor = new Actor { Slug = "invented-state", Name = "Invented State", Kind = "country" };
        var lines = Enumerable.Range(0, Count).Select(i => $"Invented drill number {i} took place.").ToList();
        var text = string.Join('\n', lines);
        var article = new Article
        {
            Source = "invented/many.txt", Title = "Many invented drills", Outlet = "Invented Wire", Published = new DateOnly(2024, 1, 1),
            PublishedSource = "given", ContentHash = new string('2', 64), Text = text, ExtractorVersion = "test", ImportedAt = DateTimeOffset.UnixEpoch,
        };
        var offset = 0;
        for (var i = 0; i < Count; i++)
        {
            // Several events share each day, so keyset paging has ties to break by id.
            var day = new DateOnly(2000, 1, 1).AddDays(i / 3);
            var e = new Event
            {
                Title = $"Invented drill {i}", Slug = $"invented-drill-{i}", Type = EventType.Exercise, Start = day, End = day,
                Precision = DatePrecision.Day, Confidence = 0.5, Actors = [new EventActor { Actor = actor }],
            };
            e.Evidence.Add(new Evidence { Article = article, Start = offset, End = offset + lines[i].Length, Text = lines[i] });
            offset += lines[i].Length + 1;
            db.Events.Add(e);
        }
        await db.SaveChangesAsync();
    }
}

public sealed class ExportBatchTest(ManyEventsAppFactory app) : IClassFixture<ManyEventsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exports_read_batch_after_batch_in_order_without_repeats_up_to_the_limit()
    {
        using var client = app.CreateClient();
        var csvBody = await client.GetStringAsync(new Uri("/export/csv?sort=date-asc", UriKind.Relative), Cancellation);
        var jsonBody = await client.GetStringAsync(new Uri("/export/json?q=drill", UriKind.Relative), Cancellation);

        using var csv = new CsvReader(new StringReader(csvBody), CultureInfo.InvariantCulture);
        var titles = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => (string)r["title"]).ToList();
        Assert.Equal(Enumerable.Range(0, ManyEventsAppFactory.Limit).Select(i => $"Invented drill {i}"), titles);

        using var doc = JsonDocument.Parse(jsonBody);
        var ids = doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ManyEventsAppFactory.Limit, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ManyEventsAppFactory.Count, doc.RootElement.GetProperty("total").GetInt32());
        Assert.True(doc.RootElement.GetProperty("truncated").GetBoolean());
        Assert.True(ManyEventsAppFactory.Limit > 2 * OpenDataReader.BatchSize);
    }
}
