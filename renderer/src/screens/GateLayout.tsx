import { Box, Center, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from '../components/Brand';
import classes from './GateLayout.module.css';

/** The quiet frame for screens shown before anyone is working: brand on top, one card in the middle. */
export function GateLayout({ children, width = 460 }: { children: ReactNode; width?: number }) {
  return (
    <Box className={classes.root}>
      <Box component="header" className={classes.header}>
        <Brand />
      </Box>
      <Center component="main" className={classes.main}>
        <Paper withBorder shadow="xs" p="xl" w={width} maw="100%">
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
