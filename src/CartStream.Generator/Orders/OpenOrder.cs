using CartStream.Generator.Catalog;
using CartStream.Generator.Geo;
using CartStream.Generator.People;

namespace CartStream.Generator.Orders;

/// <summary>The order whose lines are being emitted: what every line of it shares.</summary>
internal sealed class OpenOrder
{
    public string OrderId { get; set; } = string.Empty;

    public DateTime Time { get; set; }

    public CustomerProfile Customer { get; set; } = null!;

    public ShippingPlace Place { get; set; } = null!;

    public int CurrencyIndex { get; set; }

    public string Channel { get; set; } = string.Empty;

    public string Device { get; set; } = string.Empty;

    public string Payment { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public Promotion? Promotion { get; set; }

    public int Lines { get; set; }

    /// <summary>Lines emitted so far; the order is done when it reaches <see cref="Lines"/>.</summary>
    public int Emitted { get; set; }

    /// <summary>Products already on the order, so a product appears on one line only.</summary>
    public CatalogProduct[] Products { get; } = new CatalogProduct[8];
}
