using Lingua;

namespace Dyad.Input;

/// <summary>
/// Tells whether an article is in English. Text full of English function words is English at once; only other
/// text reaches the Lingua detector, built on first use and restricted to a few languages with small models,
/// so that coding English news loads no language model at all.
/// </summary>
public sealed class LanguageFilter
{
    /// <summary>Characters read from the start of an article: enough to tell a language, cheap to scan.</summary>
    private const int SampleChars = 3000;

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "that", "for", "with", "said", "by", "at", "from", "has", "have", "had", "it", "its",
        "were", "are", "be", "been", "who", "which", "would", "not", "their", "this", "after", "they", "he", "she",
    };

    private readonly Lazy<LanguageDetector> _detector = new(() => LanguageDetectorBuilder
        .FromLanguages(Language.English, Language.French, Language.Spanish, Language.German, Language.Portuguese,
            Language.Italian, Language.Dutch, Language.Russian, Language.Ukrainian, Language.Arabic, Language.Persian,
            Language.Turkish, Language.Chinese, Language.Japanese, Language.Korean)
        .WithLowAccuracyMode()
        .Build());

    /// <summary>The article's language when it is not English (a name such as "French"), or null.</summary>
    public string? OtherLanguage(string text)
    {
        var sample = text.Length > SampleChars ? text[..SampleChars] : text;
        if (LooksEnglish(sample)) return null;
        var language = _detector.Value.DetectLanguageOf(sample);
        return language is Language.English or Language.Unknown ? null : language.ToString();
    }

    /// <summary>At least 20 words, one in five an English function word: no other language comes close.</summary>
    internal static bool LooksEnglish(string text)
    {
        int words = 0, english = 0;
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            words++;
            if (i - start <= 5 && EnglishWords.Contains(text[start..i])) english++;
        }
        return words >= 20 && english * 5 >= words;
    }
}
