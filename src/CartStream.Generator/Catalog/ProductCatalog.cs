using CartStream.Events.Reference;
using CartStream.Generator.Sampling;

namespace CartStream.Generator.Catalog;

/// <summary>
/// The products on sale, built from <see cref="CatalogTemplates"/> and a seed, with a long-tailed popularity:
/// a few products sell a lot, most sell rarely.
/// </summary>
internal sealed class ProductCatalog
{
    private readonly CatalogProduct[] _byPopularity;
    private readonly AliasSampler _popularity;

    public ProductCatalog(DeterministicRandom random, int count, IReadOnlyList<Currency> currencies, double popularityExponent)
    {
        var categories = new AliasSampler(CatalogTemplates.All.Select(c => c.Share).ToArray());
        var products = new CatalogProduct[count];
        for (var i = 0; i < count; i++)
        {
            products[i] = Create(random, i, CatalogTemplates.All[categories.Sample(random)], currencies);
        }

        Products = products;

        // Popularity rank is independent of the product number, so best sellers are spread over every category.
        _byPopularity = (CatalogProduct[])products.Clone();
        random.Shuffle(_byPopularity.AsSpan());
        _popularity = AliasSampler.Zipf(count, popularityExponent);
    }

    public IReadOnlyList<CatalogProduct> Products { get; }

    public CatalogProduct Sample(DeterministicRandom random) => _byPopularity[_popularity.Sample(random)];

    private static CatalogProduct Create(DeterministicRandom random, int index, CategoryTemplate category, IReadOnlyList<Currency> currencies)
    {
        var subcategory = random.Pick(category.Subcategories);
        var brand = random.Pick(category.Brands);
        var name = $"{brand} {random.Pick(CatalogTemplates.Adjectives)} {random.Pick(subcategory.Items)}";

        // Log-uniform: cheap items are more common than expensive ones within a band.
        var logMin = Math.Log((double)category.MinPriceUsd);
        var logMax = Math.Log((double)category.MaxPriceUsd);
        var priceUsd = Math.Exp(logMin + (random.NextDouble() * (logMax - logMin)));
        var margin = category.MinMargin + (random.NextDouble() * (category.MaxMargin - category.MinMargin));

        var prices = new decimal[currencies.Count];
        var costs = new decimal[currencies.Count];
        for (var c = 0; c < currencies.Count; c++)
        {
            prices[c] = ShelfPrice((decimal)priceUsd / currencies[c].UsdPerUnit, currencies[c].MinorUnits);
            costs[c] = Math.Round(prices[c] * (1 - (decimal)margin), 2, MidpointRounding.AwayFromZero);
        }

        return new CatalogProduct
        {
            ProductId = $"P{index + 1:D5}",
            Name = name,
            Category = category,
            Subcategory = subcategory.Name,
            Brand = brand,
            PriceByCurrency = prices,
            CostByCurrency = costs,
        };
    }

    /// <summary>Prices as shops print them: 4.49, 19.99, 2,480 yen; never zero.</summary>
    private static decimal ShelfPrice(decimal amount, int minorUnits)
    {
        if (minorUnits == 0)
        {
            return Math.Max(10m, Math.Ceiling(amount / 10m) * 10m);
        }

        return amount < 10m
            ? Math.Max(0.49m, (Math.Ceiling(amount * 2m) / 2m) - 0.01m)
            : Math.Ceiling(amount) - 0.01m;
    }
}
