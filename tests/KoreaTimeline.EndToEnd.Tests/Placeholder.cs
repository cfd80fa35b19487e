namespace KoreaTimeline.EndToEnd.Tests;
