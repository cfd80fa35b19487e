using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace KoreaTimeline.Web.Components.Editing;

/// <summary>
/// The correction forms of one event, for editors and admins: date, type, headline, location, actors, note, hide (and,
/// for a hidden event, show again). Plain server-rendered forms: each POST carries an antiforgery token, is validated
/// (messages beside the field), applied by <see cref="EventEditor"/>, and redirects back with what was done.
/// </summary>
public partial class EditEventPage
{
    [Inject] private TimelineQueries Queries { get; set; } = null!;

    [Inject] private EditorialQueries Editorial { get; set; } = null!;

    [Inject] private EventEditor Editor { get; set; } = null!;

    [Inject] private UserManager<TimelineUser> Users { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = null!;

    /// <summary>The event id from the URL.</summary>
    [Parameter] public int Id { get; set; }

    /// <summary>What the previous POST did (after its redirect), e.g. <c>date</c>.</summary>
    [SupplyParameterFromQuery(Name = "done")] public string? Done { get; set; }

    [Inject] private SuggestionBox Suggestions { get; set; } = null!;

    /// <summary>The reader's suggestion an editor accepted to come here, shown above the forms.</summary>
    [SupplyParameterFromQuery(Name = "suggestion")] public int? SuggestionId { get; set; }

    private KoreaTimeline.Data.Entities.CorrectionSuggestion? Suggestion { get; set; }

    private EventDetail? Event { get; set; }

    private HiddenEvent? Hidden { get; set; }

    private readonly Dictionary<string, string> failures = [];

    private string? Failure(string form) => failures.GetValueOrDefault(form);

    private string? DoneMessage => Done switch
    {
        "date" => "Date saved.",
        "type" => "Type saved.",
        "headline" => "Headline saved.",
        "location" => "Location saved.",
        "add-actor" => "Actor added.",
        "remove-actor" => "Actor removed.",
        "note" => "Note saved.",
        "hide" => "The event is hidden.",
        "merge" => "The other event is merged into this one.",
        "unhide" => "The event is shown again.",
        "split" => "The quotes are split off: this is the new event.",
        _ => null,
    };

    [SupplyParameterFromForm(FormName = "date")] private DateInput? DateForm { get; set; }

    [SupplyParameterFromForm(FormName = "type")] private TypeInput? TypeForm { get; set; }

    [SupplyParameterFromForm(FormName = "headline")] private HeadlineInput? HeadlineForm { get; set; }

    [SupplyParameterFromForm(FormName = "location")] private LocationInput? LocationForm { get; set; }

    [SupplyParameterFromForm(FormName = "add-actor")] private AddActorInput? AddActorForm { get; set; }

    [SupplyParameterFromForm(FormName = "remove-actor")] private RemoveActorInput? RemoveActorForm { get; set; }

    [SupplyParameterFromForm(FormName = "note")] private NoteInput? NoteForm { get; set; }

    [SupplyParameterFromForm(FormName = "merge")] private MergeInput? MergeForm { get; set; }

    [SupplyParameterFromForm(FormName = "split")] private SplitInput? SplitForm { get; set; }

    [SupplyParameterFromForm(FormName = "hide")] private HideInput? HideForm { get; set; }

    [SupplyParameterFromForm(FormName = "unhide")] private HideInput? UnhideForm { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Event = await Queries.GetEventAsync(Id);
        Hidden = Event is null ? await Editorial.GetHiddenAsync(Id) : null;
        if (Event is null && Hidden is null)
        {
            Navigation.NotFound();
            return;
        }
        Suggestion = SuggestionId is { } suggestionId ? await Suggestions.GetAsync(suggestionId) : null;
        var e = Event?.Summary;
        var editorial = e is null ? null : await Editorial.GetEditorialAsync(Id);
        DateForm ??= new DateInput { Start = e?.Start, End = e?.End, Precision = e?.Precision.Id() ?? "day" };
        TypeForm ??= new TypeInput { Type = e?.Type.Id() ?? "other" };
        HeadlineForm ??= new HeadlineInput { Headline = e?.Title ?? "" };
        LocationForm ??= new LocationInput { Location = e?.Location };
        AddActorForm ??= new AddActorInput();
        RemoveActorForm ??= new RemoveActorInput { Slug = e is { Actors.Count: > 0 } ? e.Actors[0].Slug : "" };
        NoteForm ??= new NoteInput { Text = editorial?.Note };
        MergeForm ??= new MergeInput();
        SplitForm ??= new SplitInput();
        HideForm ??= new HideInput();
        UnhideForm ??= new HideInput();
    }

    private Task SaveDateAsync() => ApplyAsync("date", (editor, id) =>
        DatePrecisions.TryParse(DateForm!.Precision, out var precision)
            ? Editor.CorrectDateAsync(id, DateForm.Start!.Value, DateForm.End!.Value, precision, editor, DateForm.Note)
            : Task.FromResult(EditResult.Invalid("Choose a precision.")));

    private Task SaveTypeAsync() => ApplyAsync("type", (editor, id) => Editor.CorrectTypeAsync(id, TypeForm!.Type, editor, TypeForm.Note));

    private Task SaveHeadlineAsync() => ApplyAsync("headline", (editor, id) => Editor.CorrectHeadlineAsync(id, HeadlineForm!.Headline, editor, HeadlineForm.Note));

    private Task SaveLocationAsync() => ApplyAsync("location", (editor, id) => Editor.CorrectLocationAsync(id, LocationForm!.Location, editor, LocationForm.Note));

    private Task AddActorAsync() => ApplyAsync("add-actor", (editor, id) =>
        Editor.AddActorAsync(id, AddActorForm!.Name, string.IsNullOrEmpty(AddActorForm.Kind) ? null : AddActorForm.Kind, editor, AddActorForm.Note));

    private Task RemoveActorAsync() => ApplyAsync("remove-actor", (editor, id) => Editor.RemoveActorAsync(id, RemoveActorForm!.Slug, editor, RemoveActorForm.Note));

    private Task SaveNoteAsync() => ApplyAsync("note", (editor, id) => Editor.SetNoteAsync(id, NoteForm!.Text, editor));

    private Task MergeAsync() => ApplyAsync("merge", (editor, id) =>
        MergeInput.ParseId(MergeForm!.Other) is { } other
            ? Editor.MergeAsync(id, other, editor, MergeForm.Note)
            : Task.FromResult(EditResult.Invalid("Give the other event's id (a number) or its permalink (/events/ID/...).")));

    // The chosen quotes are checkboxes named "quote" (articleId:start:end), read from the posted form.
    private Task SplitAsync() => ApplyAsync("split", (editor, id) =>
    {
        var chosen = HttpContext.Request.HasFormContentType ? HttpContext.Request.Form["quote"].ToList() : [];
        var keys = chosen.Take(500).Select(QuoteKey.Parse).ToList();
        return keys.Any(k => k is null)
            ? Task.FromResult(EditResult.Invalid("A chosen quote is not a quote of this event; reload the page."))
            : Editor.SplitAsync(id, keys.Select(k => k!).ToList(), SplitForm!.Headline, editor, SplitForm.Note);
    });

    private Task HideAsync() => ApplyAsync("hide", (editor, id) => Editor.HideAsync(id, editor, HideForm!.Reason));

    private Task UnhideAsync() => ApplyAsync("unhide", (editor, id) => Editor.UnhideAsync(id, editor, UnhideForm!.Reason));

    private async Task ApplyAsync(string form, Func<EditorIdentity, int, Task<EditResult>> edit)
    {
        var user = await Users.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            failures[form] = "Your account no longer exists; sign in again.";
            return;
        }
        var result = await edit(new EditorIdentity(user.Id, user.DisplayName ?? user.UserName ?? "editor"), Id);
        if (!result.Succeeded)
        {
            failures[form] = result.Message ?? "The change was not saved.";
            return;
        }
        // Post/redirect/get: a reload does not send the form again.
        var id = result.EventId == 0 ? Id : result.EventId;
        Navigation.NavigateTo($"/editor/events/{id.ToString(CultureInfo.InvariantCulture)}?done={form}");
    }

    /// <summary>The date form.</summary>
    public sealed class DateInput : IValidatableObject
    {
        [Required(ErrorMessage = "Give the first day.")] public DateOnly? Start { get; set; }

        [Required(ErrorMessage = "Give the last day (the same as the first for one day).")] public DateOnly? End { get; set; }

        [Required] public string Precision { get; set; } = "day";

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Start is { } start && End is { } end && end < start)
            {
                yield return new ValidationResult("The last day is before the first.", [nameof(End)]);
            }
        }
    }

    /// <summary>The type form.</summary>
    public sealed class TypeInput
    {
        [Required] public string Type { get; set; } = "";

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }
    }

    /// <summary>The headline form.</summary>
    public sealed class HeadlineInput
    {
        [Required(ErrorMessage = "Give a headline.")]
        [StringLength(EventEditor.MaxHeadline, ErrorMessage = "At most 300 characters.")]
        public string Headline { get; set; } = "";

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }
    }

    /// <summary>The location form.</summary>
    public sealed class LocationInput
    {
        [StringLength(EventEditor.MaxLocation, ErrorMessage = "At most 200 characters.")] public string? Location { get; set; }

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }
    }

    /// <summary>The form that adds an actor.</summary>
    public sealed class AddActorInput
    {
        [Required(ErrorMessage = "Give the actor's name.")]
        [StringLength(EventEditor.MaxActorName, ErrorMessage = "At most 200 characters.")]
        public string Name { get; set; } = "";

        public string? Kind { get; set; }

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }
    }

    /// <summary>The form that removes an actor.</summary>
    public sealed class RemoveActorInput
    {
        [Required(ErrorMessage = "Choose the actor.")] public string Slug { get; set; } = "";

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }
    }

    /// <summary>The note form.</summary>
    public sealed class NoteInput
    {
        [StringLength(EventEditor.MaxNote, ErrorMessage = "At most 2,000 characters.")] public string? Text { get; set; }
    }

    /// <summary>The merge form: the other event by id or permalink.</summary>
    public sealed class MergeInput
    {
        [Required(ErrorMessage = "Give the other event's id or permalink.")]
        [StringLength(500)]
        public string Other { get; set; } = "";

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }

        /// <summary>The id in "123", "/events/123/slug" or "https://host/events/123/slug"; null when there is none.</summary>
        public static int? ParseId(string? text)
        {
            var match = System.Text.RegularExpressions.Regex.Match(text?.Trim() ?? "", @"^(?:(?:https?://[^/]+)?/events/)?(?<id>[0-9]{1,9})(?:/.*)?$");
            return match.Success ? int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture) : null;
        }
    }

    /// <summary>The split form: the new event's headline and why (the quotes are checkboxes of their own).</summary>
    public sealed class SplitInput
    {
        [StringLength(EventEditor.MaxHeadline, ErrorMessage = "At most 300 characters.")] public string? Headline { get; set; }

        [StringLength(EventEditor.MaxNote)] public string? Note { get; set; }
    }

    /// <summary>The hide and show-again forms.</summary>
    public sealed class HideInput
    {
        [StringLength(EventEditor.MaxNote, ErrorMessage = "At most 2,000 characters.")] public string? Reason { get; set; }
    }
}
