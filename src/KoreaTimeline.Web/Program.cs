using KoreaTimeline.Data;
using KoreaTimeline.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.UseTimelineSerilog();
// Relative paths (the default data/ and seeds/) resolve against the repository root when run inside it.
var baseDirectory = TimelineDataExtensions.ResolveBaseDirectory(builder.Environment.ContentRootPath);
builder.Services.AddTimelineData(builder.Configuration.GetConnectionString("Timeline"), baseDirectory);
// Seeds imported on start, then watched (Timeline:SeedsPath, Timeline:WatchSeeds, Timeline:MaxArticleBytes).
builder.Services.AddTimelineSeedImport(builder.Configuration, baseDirectory);
builder.AddTimelineWeb();

var app = builder.Build();

app.UseTimelineWeb();

await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
