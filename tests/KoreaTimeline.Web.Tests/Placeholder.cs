namespace KoreaTimeline.Web.Tests;
