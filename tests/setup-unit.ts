// Every unit test gets a working IndexedDB (in memory, per process).
import 'fake-indexeddb/auto';
