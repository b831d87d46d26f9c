using System.Globalization;
using Dyad.Pipeline;

namespace Dyad.Knowledge;

/// <summary>Parses the partial dates of data files: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
public static class DateRange
{
    public static DateOnly? Start(string text, string where) => Parse(text, where, end: false);
    public static DateOnly? End(string text, string where) => Parse(text, where, end: true);

    private static DateOnly? Parse(string text, string where, bool end)
    {
        if (text.Length == 0) return null;
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new DyadException(ErrorCodes.BadData, $"{where}: '{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        int year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : end ? 12 : 1;
        if (month is < 1 or > 12 || year is < 1 or > 9999)
            throw new DyadException(ErrorCodes.BadData, $"{where}: '{text}' is not a valid date");
        int day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : end ? DateTime.DaysInMonth(year, month) : 1;
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            throw new DyadException(ErrorCodes.BadData, $"{where}: '{text}' is not a valid date");
        return new DateOnly(year, month, day);
    }
}
