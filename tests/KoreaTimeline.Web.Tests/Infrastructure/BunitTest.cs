using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop and no transitions.</summary>
public abstract class BunitTest : BunitContext
{
    protected BunitTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
    }
}
