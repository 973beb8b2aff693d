namespace CartStream.Events;

/// <summary>The item sold on a <see cref="SalesEvent"/> line.</summary>
public sealed class Product
{
    /// <summary>Stable product id (SKU), e.g. <c>P00042</c>.</summary>
    public string? ProductId { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Top-level category.</summary>
    public string? Category { get; set; }

    /// <summary>Category below <see cref="Category"/>.</summary>
    public string? Subcategory { get; set; }

    /// <summary>Brand name.</summary>
    public string? Brand { get; set; }

    /// <summary>List price of one unit in the event's currency, two decimal places.</summary>
    public decimal? UnitPrice { get; set; }

    /// <summary>What one unit cost the shop, in the event's currency, two decimal places.</summary>
    public decimal? UnitCost { get; set; }
}
