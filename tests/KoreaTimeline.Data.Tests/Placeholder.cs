namespace KoreaTimeline.Data.Tests;
