using KoreaTimeline.Data.Editing;

namespace KoreaTimeline.Web.Components.Editing;

/// <summary>Words for the history of an event.</summary>
public static class HistoryText
{
    /// <summary>What a change did, e.g. "date corrected".</summary>
    public static string Label(string field) => field switch
    {
        CorrectionFields.Date => "date corrected",
        CorrectionFields.Type => "type corrected",
        CorrectionFields.Actors => "actors corrected",
        CorrectionFields.Location => "location corrected",
        CorrectionFields.Headline => "headline corrected",
        CorrectionFields.Hidden => "visibility changed",
        CorrectionFields.Note => "note",
        CorrectionFields.Merge => "events merged",
        CorrectionFields.Split => "quotes split off",
        CorrectionFields.Suggestion => "reader's suggestion reviewed",
        _ => field,
    };
}
