// Two API test classes each start a whole topology; two at once would starve a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
