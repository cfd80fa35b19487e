using KoreaTimeline.Data;
using KoreaTimeline.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.UseTimelineSerilog();
builder.Services.AddTimelineData(builder.Configuration.GetConnectionString("Timeline"));
// Startup: migrate the database and import seeds/ (added by the data layer).
builder.AddTimelineWeb();

var app = builder.Build();

app.UseTimelineWeb();

await app.InitializeTimelineDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
