// One topology and one browser for the whole assembly; two at once would starve a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
