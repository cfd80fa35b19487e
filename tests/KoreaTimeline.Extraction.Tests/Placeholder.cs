namespace KoreaTimeline.Extraction.Tests;
