namespace CartStream.Web.WhatIf;

/// <summary>A scenario's projection: the total and each category, with the formula used.</summary>
/// <param name="Formula">The formula, as the page shows it.</param>
/// <param name="Total">All categories summed (its levers are null: they may differ per category).</param>
/// <param name="Categories">Per category, largest baseline revenue first.</param>
public sealed record WhatIfResult(string Formula, WhatIfLine Total, IReadOnlyList<WhatIfLine> Categories);
