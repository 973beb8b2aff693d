using CartStream.Events;
using CartStream.Generator.Sampling;

namespace CartStream.Generator.Defects;

/// <summary>
/// A small random sample of clean events already emitted: a duplicate is one of them sent again, so the first
/// copy is always earlier in the stream and the later copy is the one labelled.
/// </summary>
internal sealed class DuplicateReservoir
{
    private const double KeepChance = 1.0 / 16;
    private readonly SalesEvent?[] _slots = new SalesEvent?[256];
    private int _filled;

    /// <summary>Keeps a copy of a clean event now and then.</summary>
    public void Offer(SalesEvent e, DeterministicRandom random)
    {
        if (!random.Chance(KeepChance))
        {
            return;
        }

        var slot = _filled < _slots.Length ? _filled++ : random.Next(_slots.Length);
        SalesEventCopy.CopyTo(e, _slots[slot] ??= new SalesEvent());
    }

    /// <summary>Copies a kept event into <paramref name="target"/> and forgets it, so it is duplicated once.</summary>
    public bool TryTake(SalesEvent target, DeterministicRandom random)
    {
        if (_filled == 0)
        {
            return false;
        }

        var slot = random.Next(_filled);
        SalesEventCopy.CopyTo(_slots[slot]!, target);
        _filled--;
        (_slots[slot], _slots[_filled]) = (_slots[_filled], _slots[slot]);
        return true;
    }
}
