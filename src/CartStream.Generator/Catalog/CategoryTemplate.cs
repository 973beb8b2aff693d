namespace CartStream.Generator.Catalog;

/// <summary>A top-level category: its share of the catalog, its price and margin bands (USD), its brands.</summary>
internal sealed record CategoryTemplate(
    string Name,
    double Share,
    decimal MinPriceUsd,
    decimal MaxPriceUsd,
    double MinMargin,
    double MaxMargin,
    int MaxQuantity,
    string[] Brands,
    SubcategoryTemplate[] Subcategories);

/// <summary>A subcategory and the kinds of item sold in it (the nouns of product names).</summary>
internal sealed record SubcategoryTemplate(string Name, string[] Items);
