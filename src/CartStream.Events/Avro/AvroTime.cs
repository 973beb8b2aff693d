namespace CartStream.Events.Avro;

/// <summary>Conversions between .NET dates and Avro's <c>date</c> and <c>timestamp-millis</c> logical types.</summary>
internal static class AvroTime
{
    /// <summary><see cref="DateOnly.DayNumber"/> of 1970-01-01, day 0 of the Avro <c>date</c> type.</summary>
    public static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private const long TicksPerMillisecond = TimeSpan.TicksPerMillisecond;
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly long MinMillis = (DateTime.MinValue.Ticks - EpochTicks) / TicksPerMillisecond;
    private static readonly long MaxMillis = (DateTime.MaxValue.Ticks - EpochTicks) / TicksPerMillisecond;

    public static long ToUnixMillis(DateTime value)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            value = value.ToUniversalTime();
        }

        var ticks = value.Ticks - EpochTicks;
        // Floor, not truncation toward zero, so that times before 1970 round down like times after it.
        var millis = ticks / TicksPerMillisecond;
        if (ticks % TicksPerMillisecond < 0)
        {
            millis--;
        }

        return millis;
    }

    public static bool TryFromUnixMillis(long millis, out DateTime value)
    {
        if (millis < MinMillis || millis > MaxMillis)
        {
            value = default;
            return false;
        }

        value = new DateTime(EpochTicks + (millis * TicksPerMillisecond), DateTimeKind.Utc);
        return true;
    }

    public static bool TryFromEpochDays(int days, out DateOnly value)
    {
        var dayNumber = (long)EpochDayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            value = default;
            return false;
        }

        value = DateOnly.FromDayNumber((int)dayNumber);
        return true;
    }
}
