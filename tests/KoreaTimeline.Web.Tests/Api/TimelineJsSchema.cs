namespace KoreaTimeline.Web.Tests.Api;

/// <summary>A JSON schema (2020-12) of the TimelineJS 3 JSON format, the parts the export writes.</summary>
public static class TimelineJsSchema
{
    public const string Text = """
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "TimelineJS 3 JSON (the parts KoreaTimeline writes)",
  "type": "object",
  "required": ["events"],
  "properties": {
    "title": { "$ref": "#/$defs/slide" },
    "events": { "type": "array", "items": { "$ref": "#/$defs/event" } }
  },
  "$defs": {
    "date": {
      "type": "object",
      "required": ["year"],
      "properties": {
        "year": { "type": "integer" },
        "month": { "type": "integer", "minimum": 1, "maximum": 12 },
        "day": { "type": "integer", "minimum": 1, "maximum": 31 }
      },
      "dependentRequired": { "day": ["month"] },
      "additionalProperties": false
    },
    "text": {
      "type": "object",
      "properties": { "headline": { "type": "string" }, "text": { "type": "string" } },
      "additionalProperties": false
    },
    "slide": {
      "type": "object",
      "required": ["text"],
      "properties": { "text": { "$ref": "#/$defs/text" } }
    },
    "event": {
      "type": "object",
      "required": ["start_date", "text", "unique_id"],
      "properties": {
        "start_date": { "$ref": "#/$defs/date" },
        "end_date": { "$ref": "#/$defs/date" },
        "display_date": { "type": "string" },
        "text": { "$ref": "#/$defs/text" },
        "group": { "type": "string" },
        "unique_id": { "type": "string", "pattern": "^event-[0-9]+$" }
      },
      "additionalProperties": false
    }
  }
}
""";
}
