using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// JSON: <c>{ view, self, generated, total, count, truncated, note, events: [...] }</c>, each event in PLOVER style
/// (<see cref="ApiEvent"/>: type with CAMEO and PLOVER codes, actors, date and end date with precision, quotes, citation).
/// </summary>
public sealed class JsonExport : IExportWriter
{
    public string Format => "json";

    public string ContentType => "application/json; charset=utf-8";

    public string Extension => "json";

    public bool IsDownload => true;

    public async Task WriteAsync(ExportContext context, HttpResponse response, CancellationToken cancellationToken)
    {
        var options = response.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        // The pipe buffers what the writer writes; each FlushAsync sends a batch.
        await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("title", context.Title);
        json.WriteString("view", context.ViewUrl);
        json.WriteString("self", context.SelfUrl);
        json.WriteString("generated", context.Generated);
        json.WriteNumber("total", context.Stream.Total);
        json.WriteNumber("count", context.Stream.Count);
        json.WriteBoolean("truncated", context.Stream.Truncated);
        if (context.Stream.Note is { } note)
        {
            json.WriteString("note", note);
        }
        else
        {
            json.WriteNull("note");
        }
        json.WriteStartArray("events");
        var written = 0;
        await foreach (var e in context.Stream.Events.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, context.Event(e), options);
            if (++written % OpenDataReader.BatchSize == 0)
            {
                await json.FlushAsync(cancellationToken);
                await response.BodyWriter.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await response.BodyWriter.FlushAsync(cancellationToken);
    }
}
