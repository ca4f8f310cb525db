/** The database key of every test store (a fixed one, so a child process in a test can open the same file). */
export const TEST_DATABASE_KEY = Buffer.from('6b6574616465736b2d746573742d6b65792d6e6f742d666f722d7265616c2d31', 'hex');
