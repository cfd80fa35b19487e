namespace KoreaTimeline.Extraction.Temporal.Rules;

/// <summary>The named groups a rule pattern may use; the group name is the lowercase slot name.</summary>
internal enum Slot
{
    Month, MNum, Day, Day2, DNum, Year, YRel, Dow, Rel, Unit, Num, Mod, Season, Ord, QNum, Half, Pod,
    Hour, Minute, AmPm, TWord, Holiday, Period, Decade, Dec2, Cent, Early, DWord, Dir, Approx, SetWord, RThe, DayRel, Spoken, DecWord, X,
}
