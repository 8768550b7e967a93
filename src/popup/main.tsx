/// <reference types="vite/client" />
/** The popup's entry: binds the real actions to runtime messaging and mounts the app. */
import { render } from 'preact';
import { send } from '../messaging/send.ts';
import { createActions } from './actions.ts';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
render(<App data={{ badges: [] }} actions={createActions(send)} />, root);
