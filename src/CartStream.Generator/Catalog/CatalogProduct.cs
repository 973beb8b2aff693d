namespace CartStream.Generator.Catalog;

/// <summary>One product of the catalog, with its price and cost already converted to every currency.</summary>
internal sealed class CatalogProduct
{
    public required string ProductId { get; init; }

    public required string Name { get; init; }

    public required CategoryTemplate Category { get; init; }

    public required string Subcategory { get; init; }

    public required string Brand { get; init; }

    /// <summary>List price per currency, indexed like <see cref="Events.Reference.ReferenceData.Currencies"/>.</summary>
    public required decimal[] PriceByCurrency { get; init; }

    /// <summary>Unit cost per currency, indexed like <see cref="PriceByCurrency"/>.</summary>
    public required decimal[] CostByCurrency { get; init; }
}
