using Microsoft.AspNetCore.Components;

namespace KoreaTimeline.Web.Components.Pages;

/// <summary>
/// A page that reads the database: <see cref="Aborted"/> is the token its queries take, so a reader who leaves stops
/// them (a cancelled query interrupts its SQLite statement). While prerendering it is the HTTP request's abort; in the
/// circuit it fires when the page is disposed (navigation elsewhere, or the circuit closing).
/// </summary>
public abstract class QueryPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource disposed = new();

    /// <summary>The request being prerendered; null in the interactive circuit.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>Fires when nobody waits for this page's queries any more.</summary>
    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? disposed.Token;

    /// <summary>Runs when the page goes away, after <see cref="Aborted"/> fired.</summary>
    protected virtual void OnDisposed()
    {
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
        OnDisposed();
        GC.SuppressFinalize(this);
    }
}
