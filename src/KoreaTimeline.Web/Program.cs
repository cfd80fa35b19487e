using KoreaTimeline.Data;
using KoreaTimeline.Web.Extensions;

// Run from another folder (dotnet /opt/kt/KoreaTimeline.Web.dll), the content root is the app's own folder, so its
// appsettings.json and wwwroot are found; an explicit --contentRoot or ASPNETCORE_CONTENTROOT still wins.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = TimelineWebExtensions.DefaultContentRoot(args) });

builder.UseTimelineSerilog();
// Relative paths (the default data/ and seeds/) resolve against the repository root when run inside it.
var baseDirectory = TimelineDataExtensions.ResolveBaseDirectory(builder.Environment.ContentRootPath);
// Timeline:Database:Provider (Sqlite, the default, or Postgres) and ConnectionStrings:Timeline.
builder.Services.AddTimelineDatabase(builder.Configuration, baseDirectory);
// Seeds imported on start, then watched (Timeline:SeedsPath, Timeline:WatchSeeds, Timeline:MaxArticleBytes).
builder.Services.AddTimelineSeedImport(builder.Configuration, baseDirectory);
builder.AddTimelineWeb();

var app = builder.Build();

app.UseTimelineWeb();

await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
