namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// Collects field errors of a well-formed request and turns them into one 422 problem+json naming every field: its
/// messages (<c>errors</c>) and beside each a code of <see cref="ErrorCodes"/> (<c>errorCodes</c>, API-v3 §9), so a
/// client says it in its reader's language.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Municipality>> _suggestions = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public ValidationErrors Check(bool valid, string field, string code, string message)
    {
        if (!valid)
        {
            Add(field, code, message);
        }
        return this;
    }

    public ValidationErrors Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, ErrorCodes.Required, "is required");
        }
        return Check(value.Length <= maxLength, field, ErrorCodes.TooLong, $"must be at most {maxLength} characters");
    }

    public ValidationErrors Codes(IReadOnlyCollection<string>? values, IReadOnlySet<string> allowed, string field, bool required = true)
    {
        if (values is null || values.Count == 0)
        {
            return required ? Add(field, ErrorCodes.Required, "needs at least one value") : this;
        }
        // A code list never needs more entries than its vocabulary has codes.
        Check(values.Count <= allowed.Count, field, ErrorCodes.OutOfRange, $"has at most {allowed.Count} values");
        foreach (var value in values.Where(v => !allowed.Contains(v)).Distinct())
        {
            Add(field, ErrorCodes.UnknownValue, $"'{value}' is not one of: {string.Join(", ", allowed.Order())}");
        }
        return this;
    }

    public ValidationErrors Code(string? value, IReadOnlySet<string> allowed, string field) =>
        value is null
            ? Add(field, ErrorCodes.Required, "is required")
            : Check(allowed.Contains(value), field, ErrorCodes.UnknownValue, $"'{value}' is not one of: {string.Join(", ", allowed.Order())}");

    /// <summary>A code that may be left out (a filter); when given, one of <paramref name="allowed"/>.</summary>
    public ValidationErrors OptionalCode(string? value, IReadOnlySet<string> allowed, string field) =>
        value is null ? this : Code(value, allowed, field);

    /// <summary>A list of free values (languages, towns, agency ids) has a bound, so no request makes unbounded work.</summary>
    public ValidationErrors AtMost<T>(IReadOnlyCollection<T>? values, int max, string field) =>
        Check((values?.Count ?? 0) <= max, field, ErrorCodes.OutOfRange, $"has at most {max} values");

    /// <summary>
    /// A place typed any way the register reads (<see cref="MunicipalityRegister.Resolve"/>) that must name exactly one
    /// municipality. A name several share, or none, is refused with the places to choose from (<c>suggestions</c>).
    /// </summary>
    public ValidationErrors Municipality(string? value, string field, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, ErrorCodes.Required, "is required") : this;
        }
        if (value.Length > MostPlaceNameLength)
        {
            return Add(field, ErrorCodes.TooLong, $"must be at most {MostPlaceNameLength} characters");
        }
        var match = MunicipalityRegister.Japan.Resolve(value);
        if (match.Found is not null)
        {
            return this;
        }
        if (match.Candidates.Count > 0)
        {
            _suggestions[field] = match.Candidates;
        }
        var places = string.Join(", ", match.Candidates.Select(c => $"{c.FullName} ({c.Code})"));
        return match.Ambiguous
            ? Add(field, ErrorCodes.AmbiguousMunicipality, $"is the name of {match.Candidates.Count} municipalities; give one of: {places}")
            : Add(field, ErrorCodes.NotAMunicipality, match.Candidates.Count > 0 ? $"is not a municipality; the closest are: {places}" : "is not a municipality");
    }

    /// <summary>
    /// At most <paramref name="most"/> places, each as <see cref="Municipality(string?, string, bool)"/> (field[0],
    /// field[1], …); a longer list is refused before any is read, so no request makes unbounded work.
    /// </summary>
    public ValidationErrors Municipalities(IReadOnlyList<string>? values, string field, int most)
    {
        if ((values?.Count ?? 0) > most)
        {
            return AtMost(values, most, field);
        }
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            Municipality(values![i], $"{field}[{i}]");
        }
        return this;
    }

    public const int MostPlaceNameLength = 100;

    public ValidationErrors Add(string field, string code, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
            _codes[field] = [];
        }
        messages.Add(message);
        _codes[field].Add(code);
        return this;
    }

    /// <summary>How many messages there are, over every field.</summary>
    public int Count => _errors.Values.Sum(m => m.Count);

    /// <summary>Field → messages, for an answer that reports several records' errors at once (an import).</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Field → messages, the first <paramref name="most"/> messages only (an answer never larger than the question).</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary(int most)
    {
        var shown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in _errors)
        {
            if (most <= 0)
            {
                break;
            }
            shown[field] = [.. messages.Take(most)];
            most -= shown[field].Length;
        }
        return shown;
    }

    public ProblemHttpResult ToProblem()
    {
        var problem = new HttpValidationProblemDetails(ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request is not valid.",
            Detail = "See errors for each field.",
            Extensions = { ["errorCodes"] = _codes.ToDictionary(c => c.Key, c => c.Value.ToArray()) },
        };
        if (_suggestions.Count > 0)
        {
            problem.Extensions["suggestions"] = _suggestions;
        }
        return TypedResults.Problem(problem);
    }
}
